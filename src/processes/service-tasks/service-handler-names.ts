/**
 * The platform handlers a service task may name in `tongban:handler`. Their implementations live with the
 * capability they act on; the process validator only needs their names.
 */
export const SERVICE_HANDLERS = ['notifyApplicant', 'generateNotice', 'issueLicence'] as const;
export type ServiceHandlerName = (typeof SERVICE_HANDLERS)[number];
