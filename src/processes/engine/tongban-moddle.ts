/**
 * The `tongban:` attributes a user task carries: the role that may complete it and the actions it offers
 * (space-separated). Declared as a moddle package so that they reach the engine as typed properties.
 */
export const TONGBAN_NAMESPACE = 'http://tongban.org/schema/bpmn/1.0';

export const tongbanModdlePackage = {
  name: 'Tongban',
  prefix: 'tongban',
  uri: TONGBAN_NAMESPACE,
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'TaskAssignment',
      extends: ['bpmn:UserTask'],
      properties: [
        { name: 'role', isAttr: true, type: 'String' },
        { name: 'actions', isAttr: true, type: 'String' },
      ],
    },
  ],
};
