export { createApp, DEFAULT_BODY_LIMIT_BYTES, type AppOptions } from './app.js';
export { startServer, DEFAULT_HOST, DEFAULT_PORT, type RunningServer } from './serve.js';
export { pipelineAnalyzer, type Analyzer } from './analyzer.js';
export { OPENAPI_DOCUMENT } from './openapi.js';
