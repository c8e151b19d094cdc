// The summary worker: computes benchmark summaries and comparisons off the page's main thread (a
// summary of 10,000 runs with its bootstrap takes long enough to freeze the page). No HiGHS here.
import * as Comlink from 'comlink';
import { createSummaryApi } from './summary-api';

Comlink.expose(createSummaryApi());
