import type { z } from 'zod';
import type { DomainIssue } from '@members/api';
import { toSnake, type PolarValidationIssue } from '@members/contracts';
import type { ErrorRequest } from '../surface.js';

type ZodIssue = z.core.$ZodIssue;

/** A uuid of any version: refused only where a uuid4 is required, which pydantic words apart. */
const anyUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A zod issue as pydantic (and so Polar, and the SDK's HTTPValidationError) reports it. */
function pydanticError(issue: ZodIssue, missing: boolean, input: unknown): { type: string; msg: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return { type: 'missing', msg: 'Field required' };
      if (issue.expected === 'object')
        return {
          type: 'model_attributes_type',
          msg: 'Input should be a valid dictionary or object to extract fields from',
        };
      if (issue.expected === 'number' || issue.expected === 'int')
        return { type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' };
      if (issue.expected === 'array') return { type: 'list_type', msg: 'Input should be a valid list' };
      return { type: `${issue.expected}_type`, msg: `Input should be a valid ${issue.expected}` };
    case 'invalid_format':
      if (issue.format === 'email')
        return { type: 'value_error', msg: 'value is not a valid email address: The email address is not valid.' };
      if ((issue.format === 'uuid' || issue.format === 'guid') && anyUuid.test(String(input)))
        return { type: 'uuid_version', msg: 'UUID version 4 expected' };
      if (issue.format === 'uuid' || issue.format === 'guid')
        return { type: 'uuid_parsing', msg: 'Input should be a valid UUID' };
      return { type: 'string_pattern_mismatch', msg: issue.message };
    case 'invalid_value':
      return {
        type: 'enum',
        msg: `Input should be ${issue.values
          .map((value) => `'${String(value)}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}`,
      };
    case 'too_big':
      if (issue.origin === 'string')
        return { type: 'string_too_long', msg: `String should have at most ${issue.maximum} characters` };
      return { type: 'less_than_equal', msg: `Input should be less than or equal to ${issue.maximum}` };
    case 'too_small':
      if (issue.origin === 'string')
        return { type: 'string_too_short', msg: `String should have at least ${issue.minimum} characters` };
      if (issue.origin === 'array')
        return { type: 'too_short', msg: `List should have at least ${issue.minimum} items` };
      return { type: 'greater_than_equal', msg: `Input should be greater than or equal to ${issue.minimum}` };
    default:
      return { type: 'value_error', msg: issue.message };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One `detail` item as pydantic writes it: `loc` names the field as the caller sent it (`["body", "customer_id"]`),
 * `input` is what was there, or for a missing field the object it is missing from. A schema's issue is described
 * by zod's own; a rule of ours (a duplicate external id, the owner's role) is a `value_error`.
 */
function detailItem(issue: DomainIssue, request: ErrorRequest): PolarValidationIssue {
  const [first, ...rest] = issue.path;
  const describe = (missing: boolean, input?: unknown) =>
    issue.zod ? pydanticError(issue.zod, missing, input) : { type: 'value_error', msg: issue.message };
  if (first === undefined) {
    // A rule of ours at the root is about the body itself: only its absence is reported there.
    if (!issue.zod) return { type: 'missing', loc: ['body'], msg: issue.message, input: null };
    const { type, msg } = describe(false);
    return { type, loc: ['body'], msg, input: request.wire.body ?? null };
  }
  const origin = request.locate(String(first));
  const source = issue.source ?? origin.source;
  const wirePath = [origin.key, ...rest.map((part) => (typeof part === 'string' ? toSnake(part) : part))];
  const input = valueAt(request.wire[source], wirePath);
  const missing = input === undefined;
  const { type, msg } = describe(missing, input);
  // Key order as Polar's: type, loc, msg, input.
  return {
    type,
    loc: [source, ...wirePath],
    msg,
    // Pydantic's own "missing" quotes the object the field is missing from; a service's rule raised on an absent
    // field says `"input": None` (customer_session/service.py's member_id).
    input: !missing ? input : issue.zod ? (valueAt(request.wire[source], wirePath.slice(0, -1)) ?? null) : null,
  };
}

export const validationDetail = (issues: DomainIssue[], request: ErrorRequest) =>
  issues.map((issue) => detailItem(issue, request));
