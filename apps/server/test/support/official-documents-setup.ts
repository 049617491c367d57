import { officialDocumentsPresent } from './polar-conformance.js';

/** Once per run: a clone without Polar's official documents beside it says which checks it could not make. */
export default function setup() {
  if (!officialDocumentsPresent) {
    console.log(
      "Polar's official OpenAPI documents are not beside the repository: Polar responses are not checked against " +
        'them. Set POLAR_OPENAPI_DIR to their folder to check them (CI does).',
    );
  }
}
