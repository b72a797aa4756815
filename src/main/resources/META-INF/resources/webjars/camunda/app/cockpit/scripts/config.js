// CarePost's Cockpit configuration (replaces the webjar's default config.js, whose settings are all commented out):
// the "Audit trail" link in the header, the same script as Tasklist's.
export default {
  customScripts: ['../tasklist/scripts/carepost/audit-link']
};
