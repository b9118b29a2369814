"""News pages written for the HTML ingestion tests: site furniture around a real-looking
article, with the dates and names in the places publishers put them."""
from __future__ import annotations

HEADLINE = "River Authority Orders Evacuation as Floodwaters Rise"
SITE = "The Lowland Herald"
URL = "https://www.lowlandherald.example/news/2025/03/14/river-evacuation"
PUBLISHED = "2025-03-14"
UPDATED = "2025-03-16"
LINK = "https://www.lowlandherald.example/news/2025/03/10/dam-inspection"

BODY = [
    ("The regional river authority ordered the evacuation of three villages along the lower "
     "Maren on Friday after two days of heavy rain pushed the river above its banks."),
    ("About 4,000 residents were told to leave their homes by nightfall. Buses were laid on "
     "to take people without cars to a sports hall in the county town, where volunteers "
     "handed out blankets and hot meals."),
    ("\"We would rather move people a day too early than an hour too late,\" said Ruth "
     "Okafor, the authority's director of operations, at a briefing in the town hall. "
     "She said the water level at the Brenham gauge was still rising by four centimetres "
     "an hour."),
    ("Engineers inspected the dam upstream earlier this week and found no damage, the "
     "authority said. Its last inspection report is available on the authority's website."),
    ("Farmers in the valley said they had moved livestock to higher ground on Thursday. "
     "Several roads were closed and the railway line between Brenham and Asterby was "
     "suspended until further notice."),
]
LIST_ITEMS = ["Brenham Sports Hall, Mill Lane", "St Anne's School, Church Road"]
RELATED = "Related: Dam inspection finds no damage after winter storms"


def article_page(*, charset: str = "utf-8", with_dates: bool = True, br_paragraphs: bool = False) -> str:
    """The article page.  ``br_paragraphs``: the first paragraphs sit in one ``<p>``
    separated by ``<br><br>``, as some publishing systems write them."""
    dates = (f'<meta property="article:published_time" content="{PUBLISHED}T08:30:00+00:00">\n'
             f'<meta property="article:modified_time" content="{UPDATED}T17:05:00+00:00">\n'
             if with_dates else "")
    paras = ("<p>" + "<br><br>\n".join(BODY[:3]) + "</p>" if br_paragraphs
             else "\n".join(f"<p>{p}</p>" for p in BODY[:3]))
    rest = BODY[4]
    items = "".join(f"<li>{i}</li>" for i in LIST_ITEMS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>{HEADLINE} | {SITE}</title>
<link rel="canonical" href="{URL}">
<meta property="og:site_name" content="{SITE}">
<meta property="og:title" content="{HEADLINE}">
{dates}</head>
<body>
<header class="site-header"><nav><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li>
</ul></nav></header>
<main>
<article>
<h1>{HEADLINE}</h1>
<div class="byline">By Tom Ellery</div>
{paras}
<p>Engineers inspected the dam upstream earlier this week and found no damage, the authority
said. Its <a href="{LINK}">last inspection report</a> is available on the authority's website.</p>
<p>{RELATED}</p>
<h2>Where to go</h2>
<p>Residents who need shelter can go to one of two rest centres:</p>
<ul>{items}</ul>
<p>{rest}</p>
</article>
</main>
<aside class="most-read"><h3>Most read</h3><ul>
<li><a href="/a">Council approves new budget</a></li><li><a href="/b">Local team wins cup</a></li>
</ul></aside>
<footer><p>Copyright 2025 {SITE}. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | <a href="/contact">Contact us</a></p>
</footer>
</body>
</html>
"""


def empty_page() -> str:
    """A page with site furniture and no article: navigation, a search box, a footer."""
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Search | The Lowland Herald</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<form action="/search"><input name="q"><button>Search</button></form>
<footer><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></footer>
</body></html>
"""
