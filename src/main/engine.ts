import { notBuiltYet } from './not-built';

notBuiltYet('npm run engine');
