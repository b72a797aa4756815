// "Audit trail" in the header of Tasklist and Cockpit: CarePost's auditor pages (/audit), reached with the same login
// (the session bridge, docs/security.md). The link shows itself only to users who may open the pages: it asks
// /audit/access (204 for them, 403 for everybody else), so the rule stays the one on the pages (deny by default).
// Cockpit loads this same file (its scripts/config.js names '../tasklist/scripts/carepost/audit-link').
const mayAudit = fetch('/audit/access', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then((response) => response.status === 204)
  .catch(() => false);

function render(node) {
  mayAudit.then((allowed) => {
    if (!allowed || node.querySelector('#carepost-audit')) {
      return;
    }
    const link = document.createElement('a');
    link.href = '/audit';
    link.id = 'carepost-audit';
    link.textContent = 'Audit trail';
    link.title = 'CarePost audit: every draft, its status and its trail';
    node.appendChild(link);
  });
}

export default [
  {id: 'carepost-audit-tasklist', pluginPoint: 'tasklist.navbar.action', priority: 140, render},
  {id: 'carepost-audit-cockpit', pluginPoint: 'cockpit.navigation', priority: 5, render}
];
