from django.template import Context, Template
from django.utils.safestring import SafeString

from civica.core.markup import render_markdown, sanitize_html


def test_markdown_renders_formatting_and_links():
    html = render_markdown("**Bold** and [CIIC](https://www.ciic.ro)")
    assert "<strong>Bold</strong>" in html
    assert 'href="https://www.ciic.ro"' in html
    assert 'rel="nofollow noopener noreferrer"' in html


def test_script_tags_are_removed():
    html = render_markdown("Hello <script>alert('x')</script> world")
    assert "<script" not in html
    assert "alert(" not in html
    assert "Hello" in html and "world" in html


def test_event_handler_attributes_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> <p onclick="steal()">text</p>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "text" in html


def test_javascript_links_are_neutralised():
    for source in ("[click](javascript:alert(1))", '<a href="javascript:alert(1)">click</a>',
                   '<a href="JaVaScRiPt:alert(1)">click</a>'):
        html = render_markdown(source)
        assert 'href="javascript' not in html.lower(), source
        assert "<a" not in html or 'href="' not in html, source
        assert "click" in html


def test_sanitize_html_keeps_allowed_structure_only():
    html = sanitize_html('<h2>Title</h2><iframe src="https://evil.example"></iframe><style>body{}</style>')
    assert "<h2>Title</h2>" in html
    assert "iframe" not in html and "<style" not in html


def test_template_filter_is_the_same_sanitiser():
    rendered = Template("{{ text|markdown }}").render(Context({"text": "<script>x()</script>\n\n*ok*"}))
    assert "<script" not in rendered
    assert "<em>ok</em>" in rendered


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_a_text_shown_again_is_rendered_once_and_stays_sanitised():
    from civica.core import markup

    short = "Again <script>alert(1)</script> **bold** — " + "x" * 40
    long = "Long <img src=x onerror=alert(1)> text. " * 100
    assert len(long) > markup.SHORT_TEXT
    first_short, first_long = render_markdown(short), render_markdown(long)
    short_hits, long_hits = markup._render_short.cache_info().hits, markup._render_long.cache_info().hits
    assert render_markdown(short) == first_short and render_markdown(long) == first_long
    assert markup._render_short.cache_info().hits == short_hits + 1
    assert markup._render_long.cache_info().hits == long_hits + 1
    assert "<script" not in render_markdown(short) and "onerror" not in render_markdown(long)
    assert isinstance(render_markdown(short), SafeString)


def test_markdown_as_plain_text_for_cards_and_snippets():
    """Issue 12, item 15: cards and search snippets showed "*(Sume și termene fictive…)*"."""
    from civica.core.markup import markdown_to_text

    assert markdown_to_text("Granturi. *(Sume și termene fictive, pentru demonstrație.)*") == (
        "Granturi. (Sume și termene fictive, pentru demonstrație.)")
    assert markdown_to_text("## Cine\n**Oricine**, [aici](https://ciic.ro) &amp; <b>acolo</b><script>x</script>") == (
        "Cine Oricine, aici & acolo")
    assert markdown_to_text("fictive, pentru demonstrație.)*") == "fictive, pentru demonstrație.)"  # a cut excerpt
    assert markdown_to_text("2 * 3 = 6, snake_case") == "2 * 3 = 6, snake_case"
    assert markdown_to_text("") == "" and markdown_to_text(None) == ""
