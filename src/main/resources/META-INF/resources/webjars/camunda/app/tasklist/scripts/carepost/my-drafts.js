// "My drafts" in Tasklist's header: CarePost's page of where each of the user's drafts stands (/app/my-drafts,
// reached with the same login).
export default {
  id: 'carepost-my-drafts',
  pluginPoint: 'tasklist.navbar.action',
  priority: 150,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '/app/my-drafts';
    link.id = 'carepost-my-drafts';
    link.textContent = 'My drafts';
    node.appendChild(link);
  }
};
