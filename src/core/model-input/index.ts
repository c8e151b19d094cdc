// Checks a model file before it reaches HiGHS-WASM, which mishandles bad input silently:
// size caps, gzip, UTF-8 and BOM, "is this a model at all", and numbers or lines HiGHS would
// misread. The public surface of the model-input modules; import from here.

export { InvalidModelError } from './errors';
export { MAX_DECOMPRESSED_BYTES, MAX_INPUT_BYTES, decodeText, gunzip, isGzip, stripGzSuffix } from './bytes';
export { detectFormat, looksLikeModel, type ModelFormat } from './format';
export { checkInputSize, checkNumbers, prepareModel, type PreparedModel } from './prepare';
