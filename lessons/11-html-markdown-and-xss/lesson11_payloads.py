"""Lesson 11's payloads: classic XSS vectors, each marking the page if its script runs.

Not a lesson app. Each payload, if the browser runs its script, sets
``document.body.dataset.<name>`` to "ran" on the app's page; the tests look for it.
The links only run when clicked (``void``: a javascript: URL that evaluates to a string
would replace the page with that string).
"""

PAYLOADS: dict[str, str] = {
    "script": "<script>document.body.dataset.script = 'ran'</script>",
    "onerror": (
        '<img src="x" data-payload="onerror" onerror="document.body.dataset.onerror = \'ran\'">'
    ),
    "svg": (
        '<svg data-payload="svg"><animate onbegin="document.body.dataset.svg = \'ran\'"'
        ' attributeName="x" dur="1s"/></svg>'
    ),
    "iframe": (
        '<iframe data-payload="iframe" srcdoc="<script>'
        "parent.document.body.dataset.iframe = 'ran'</script>\"></iframe>"
    ),
}
"""Raw HTML: what a markdown body may contain."""

LINKS: dict[str, str] = {
    "mdlink": "[a markdown link](javascript:void(document.body.dataset.mdlink='ran'))",
    "htmllink": (
        '<a data-payload="htmllink" href="javascript:void(document.body.dataset.htmllink=\'ran\')">'
        "an HTML link</a>"
    ),
}
"""Links whose URL is script: they run only when clicked."""
