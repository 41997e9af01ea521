// The browser's time zone goes with the sign-in; it becomes the user's zone when they have none yet (issue 16).
document.addEventListener('DOMContentLoaded', () => {
  const field = document.getElementById('browser-time-zone');
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) {
    field.value = '';
  }
});
