/**
 * The part of the SARIF 2.1.0 schema (OASIS sarif-schema-2.1.0.json) that `plans check --format
 * sarif` uses, as JSON Schema draft-07: the required properties, types, enums and minimums of each
 * object, and no properties outside the standard's (the standard schema forbids them too). The
 * official schema is not on this machine; this encodes its rules for the objects plans writes.
 */
const message = {
  type: 'object',
  properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' }, arguments: { type: 'array', items: { type: 'string' } } },
  anyOf: [{ required: ['text'] }, { required: ['id'] }],
  additionalProperties: false,
};
const multiformatMessage = {
  type: 'object',
  properties: { text: { type: 'string' }, markdown: { type: 'string' } },
  required: ['text'],
  additionalProperties: false,
};
const level = { enum: ['none', 'note', 'warning', 'error'] };
const reportingDescriptor = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    shortDescription: multiformatMessage,
    fullDescription: multiformatMessage,
    help: multiformatMessage,
    helpUri: { type: 'string', format: 'uri' },
    defaultConfiguration: {
      type: 'object',
      properties: { enabled: { type: 'boolean' }, level, rank: { type: 'number', minimum: -1, maximum: 100 } },
      additionalProperties: false,
    },
  },
  required: ['id'],
  additionalProperties: false,
};
const region = {
  type: 'object',
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};
const physicalLocation = {
  type: 'object',
  properties: {
    artifactLocation: {
      type: 'object',
      properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' }, index: { type: 'integer', minimum: -1 } },
      additionalProperties: false,
    },
    region,
  },
  anyOf: [{ required: ['artifactLocation'] }, { required: ['address'] }],
  additionalProperties: false,
};
const result = {
  type: 'object',
  properties: {
    ruleId: { type: 'string' },
    ruleIndex: { type: 'integer', minimum: -1 },
    level,
    message,
    locations: { type: 'array', items: { type: 'object', properties: { physicalLocation }, additionalProperties: false } },
  },
  required: ['message'],
  additionalProperties: false,
};

export const SARIF_2_1_0_SUBSET = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        properties: {
          tool: {
            type: 'object',
            properties: {
              driver: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  semanticVersion: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: { type: 'array', items: reportingDescriptor, uniqueItems: true },
                },
                required: ['name'],
                additionalProperties: false,
              },
            },
            required: ['driver'],
            additionalProperties: false,
          },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          results: { type: ['array', 'null'], items: result },
        },
        required: ['tool'],
        additionalProperties: false,
      },
    },
  },
  required: ['version', 'runs'],
  additionalProperties: false,
};
