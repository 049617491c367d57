import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface WebhookDocument {
  webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: object } } } } }>;
  components: object;
}

/**
 * Checks a delivered body against what the server's own `/openapi.json` documents under `webhooks` for its event:
 * the problems found, none when it conforms.
 */
export async function documentedWebhooks(serverUrl: string) {
  const document = (await (await fetch(`${serverUrl}/openapi.json`)).json()) as WebhookDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
  return (event: string, body: string): unknown[] => {
    const schema = document.webhooks[event]?.post.requestBody.content['application/json'].schema;
    if (!schema) return [`${event} is not documented`];
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));
    return validate(JSON.parse(body)) ? [] : (validate.errors ?? []);
  };
}
