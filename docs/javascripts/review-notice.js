/* The "due for review" notice, shown by the reader's own clock.
   The build adds the notice to pages already past their next-review date (hooks/review_dates.py,
   overrides/main.html); this adds the same notice when the date passes after the build. Without
   JavaScript the build-time notice still shows. Its words match the template's (tests/test_overdue_script.py
   checks). No request, no storage, nothing from another site. */
(() => {
  const due = document.querySelector("time[data-review-due]");
  if (!due || document.querySelector(".review-overdue")) return;
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (today <= due.dateTime) return; // ISO dates compare as text; overdue means past the due day
  const notice = document.createElement("div");
  notice.className = "admonition warning review-overdue";
  notice.setAttribute("role", "note");
  const title = document.createElement("p");
  title.className = "admonition-title";
  title.textContent = "This page is due for review";
  const when = due.cloneNode(true);
  when.removeAttribute("data-review-due");
  const text = document.createElement("p");
  text.append("We planned to check this page again by ", when,
    ". That check has not happened yet, so some facts may be out of date. " +
    "Please check with your care team before you act on it.");
  notice.append(title, text);
  document.querySelector("article.md-content__inner")?.prepend(notice);
})();
