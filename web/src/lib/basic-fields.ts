/** The basic information of a filing (CreateCaseDto), in the order the form asks for it, with the label of each. */
export const BASIC_FIELDS = [
  { name: 'applicantOrganisation', label: 'filing.organisation' },
  { name: 'projectName', label: 'cases.project' },
  { name: 'legalRepresentative', label: 'filing.legalRepresentative' },
  { name: 'organisationPhone', label: 'filing.organisationPhone' },
  { name: 'handlerName', label: 'filing.handlerName' },
  { name: 'handlerPhone', label: 'filing.handlerPhone' },
] as const;
