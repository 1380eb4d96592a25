// Tests log nothing unless asked: LOG_LEVEL=debug npx jest …
import { configureLogging } from '../src/logging';

configureLogging(process.env.TEST_LOG_LEVEL ?? 'silent', false);
