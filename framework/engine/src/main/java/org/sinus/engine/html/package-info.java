/**
 * The blocks of Sinus's self-contained HTML reports ({@link org.sinus.engine.html.Html}): escaping,
 * pictures embedded as PNG data, the Markdown the reports write turned into HTML, the page with its
 * style sheet. The run report, the comparison report and the explanation report are built of them.
 */
package org.sinus.engine.html;
