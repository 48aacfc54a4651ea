/* The "due for review" notice, shown by the reader's own clock.
   The build adds the notice to pages already past their next-review date (hooks/review_dates.py,
   overrides/main.html); this adds the same notice when the date passes after the build. Without
   JavaScript the build-time notice still shows. Its words are the template's, in the page's language: they
   ride on the date as data-notice-* attributes (overrides/main.html; tests/test_overdue_script.py checks). No request, no storage, nothing from another site. */
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
  title.textContent = due.dataset.noticeTitle;
  const when = due.cloneNode(true);
  for (const name of ["data-review-due", "data-notice-title", "data-notice-before", "data-notice-after"]) when.removeAttribute(name);
  const text = document.createElement("p");
  text.append(due.dataset.noticeBefore, when, due.dataset.noticeAfter);
  notice.append(title, text);
  document.querySelector("article.md-content__inner")?.prepend(notice);
})();
