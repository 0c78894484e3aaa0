// Runs before first paint (a blocking external script with a hashed name, allowed by the CSP):
// applies the reader's saved theme so the page does not flash, and marks that JavaScript is available.
(function () {
	var root = document.documentElement;
	root.classList.add('js');
	try {
		var theme = localStorage.getItem('theme');
		if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
	} catch (e) {
		/* storage can be blocked; the system preference applies */
	}
})();
