"""The six fictional news sites: name, fictional host (.example, never resolvable), feed format, people."""

SITES = {
    "harbour-courier": dict(
        name="The Harbour Courier", host="www.harbourcourier.example", feed="feed.xml", format="rss2-full",
        template="WordPress (Newsup-like theme): entry-content, sharing counter \"0 51\", About Author, Leave a Reply",
        tags=["world", "business", "local"],
        author="Daniel Okafor",
        bio="Daniel Okafor is the Harbour Courier\u2019s news editor. He has covered shipping, local government and the waterfront for fifteen years and still owns a bicycle older than the newsroom\u2019s computers.",
    ),
    "northwind-wire": dict(
        name="Northwind Wire", host="northwindwire.example", feed="atom.xml", format="atom",
        template="news CMS: <article>, JSON-LD NewsArticle with articleBody, standfirst, figure, Share buttons",
        tags=["world", "business", "wire"],
        author="Northwind Wire staff",
        bio="",
    ),
    "meridian-daily": dict(
        name="Meridian Daily", host="meridiandaily.example", feed="index.rdf", format="rss1",
        template="Blogger-like: post-body with <div>/<br> paragraphs, Posted by, Labels, Post a Comment, Blog Archive",
        tags=["world", "politics", "technology"],
        author="Meridian Desk",
        bio="Meridian Daily is an independent news blog run by three former newspaper sub-editors. Tips and corrections: desk@meridiandaily.example.",
    ),
    "valley-ledger": dict(
        name="The Valley Ledger", host="www.valleyledger.example", feed="feed.json", format="jsonfeed",
        template="old CMS, divs only (no <article>, <main>, <p>, <h1>): \"12 Shares\", About the author, Most Read",
        tags=["local", "business", "science", "technology"],
        author="Priya Natarajan",
        bio="Priya Natarajan reports on the valley\u2019s councils, courts and businesses for The Valley Ledger. Before joining the Ledger she worked for eight years at regional radio.",
    ),
    "capital-brief": dict(
        name="Capital Brief", host="capitalbrief.example", feed="rss.xml", format="rss2-summary",
        template="modern app shell: <main>, data attributes, \"Share 0 Tweet 51\", paywall note, newsletter box",
        tags=["business", "technology", "world"],
        author="Sofia Marchetti",
        bio="Sofia Marchetti is a senior correspondent at Capital Brief, covering trade, technology and the people who regulate both.",
    ),
    "lakeside-post": dict(
        name="Lakeside Post", host="lakesidepost.example", feed="rss.xml", format="rss2-description",
        template="Ghost-like: gh-article, gh-content, About the author card, \"3 Shares\", member signup",
        tags=["world", "local", "technology"],
        author="Tomasz Wieczorek",
        bio="Tomasz Wieczorek edits the Lakeside Post. He writes about politics, ports and public services, and replies to every reader email, eventually.",
    ),
}
