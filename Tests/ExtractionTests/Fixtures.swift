/// Small hand-written pages in the shapes of common publishing systems, built around real-looking
/// stories, with the chrome the user named: counters, author boxes, comment forms, related posts,
/// newsletter and cookie banners, "Read more", previous/next links, photo captions.
enum Fixtures {
    /// The story of the user's seed example, as its paragraphs.
    static let putinStory: [String] = [
        "Vladimir Putin has bestowed upon Kim Jong Un a lavish Russian Aurus limousine as a gesture of goodwill, following the North Korean leader’s expressed admiration for the vehicle during his visit to Russia last year. The Kremlin revealed on Tuesday that Putin personally presented the luxury car to Kim, highlighting the amicable relations between the two nations.",
        "During Kim’s trip to eastern Russia in September, Putin showcased one of his black armored limousines to Kim, who joined Putin for a ride at the Vostochny Cosmodrome, displaying evident satisfaction with the vehicle. Kremlin spokesperson Dmitry Peskov explained that Kim’s appreciation for the car during his visit prompted the decision to gift it to him, emphasizing Russia’s commitment to fostering relations with neighboring countries, including North Korea.",
        "The exchange comes amidst heightened diplomatic engagement between Russia and nations like North Korea and Iran, which are at odds with the United States. Despite Western concerns, both Moscow and Pyongyang deny allegations of military cooperation, instead pledging to deepen their ties.",
        "The official North Korean news agency, KCNA, reported that the Russian-made limousine was handed over to Kim’s representatives on February 18th. Kim’s sister conveyed his gratitude to Putin, underscoring the special rapport between the two leaders.",
        "South Korea’s foreign ministry, while monitoring developments, reminded both Russia and North Korea to adhere to U.N. Security Council resolutions, which prohibit the transfer of luxury vehicles to North Korea.",
        "The Aurus limousine, touted as Russia’s premier luxury sedan and Putin’s official presidential vehicle, joins Kim’s collection of high-end cars, despite international sanctions banning such imports into North Korea.",
        "In a separate report, KCNA announced that multiple North Korean delegations, spanning various sectors including information technology, fisheries, and sports, have engaged in exchanges with Russia, signaling ongoing bilateral cooperation between the two nations.",
    ]

    /// A WordPress theme page carrying the seed example's story and chrome.
    static var wordPress: String {
        """
        <!DOCTYPE html>
        <html lang="en-US">
        <head>
        <meta charset="UTF-8">
        <title>Putin gifts Kim Jong Un luxury Russian Limousine, strengthening diplomatic ties - World Daily</title>
        <meta property="og:site_name" content="World Daily">
        <meta property="article:published_time" content="2024-02-20T09:15:00+00:00">
        <meta name="author" content="Staff Reporter">
        <link rel="canonical" href="/2024/02/putin-gifts-kim-limousine/">
        </head>
        <body class="post-template-default single single-post postid-101 single-format-standard">
        <div id="page" class="site">
          <header id="masthead" class="site-header"><div class="site-branding">World Daily</div>
            <nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
          </header>
          <div id="cookie-notice" class="cookie-banner">We use cookies to improve your experience on our website. By browsing this website, you agree to our use of cookies. <a href="/privacy">Accept</a></div>
          <div id="content" class="site-content">
            <main id="main" class="site-main">
              <article id="post-101" class="post-101 post type-post status-publish format-standard hentry category-world tag-russia tag-north-korea">
                <header class="entry-header">
                  <h1 class="entry-title">Putin gifts Kim Jong Un luxury Russian Limousine, strengthening diplomatic ties</h1>
                  <div class="entry-meta"><span class="posted-on">February 20, 2024</span></div>
                </header>
                <div class="post-views-share"><span class="share-count">0</span> <span class="views-count">51</span></div>
                <div class="entry-content">
                  <figure class="wp-block-image"><img src="/limo.jpg" alt=""><figcaption>Kim Jong Un inspects the Aurus limousine in Vladivostok. Photo: KCNA</figcaption></figure>
                  \(putinStory.map { "<p>\($0)</p>" }.joined(separator: "\n"))
                  <p><a href="/2024/02/putin-gifts-kim-limousine/#more">Read more</a></p>
                </div>
                <footer class="entry-footer"><span class="tags-links">Tags: <a href="/tag/russia">Russia</a>, <a href="/tag/north-korea">North Korea</a></span></footer>
              </article>
              <div class="author-box"><h4>About Author</h4><p>Staff Reporter covers world politics for World Daily and has written about Asia for more than a decade.</p></div>
              <nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/prev">Previous article: Oil prices climb as OPEC cuts output</a></div><div class="nav-next"><a href="/next">Next article: Markets rally on rate hopes</a></div></div></nav>
              <div id="jp-relatedposts" class="jp-relatedposts"><h3>Related posts</h3><ul><li><a href="/a">Kim visits Russian fighter jet factory</a></li><li><a href="/b">Moscow and Pyongyang sign new trade pact</a></li></ul></div>
              <div id="comments" class="comments-area">
                <div id="respond" class="comment-respond">
                  <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
                  <form id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
                  <p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment"></textarea></p></form>
                </div>
              </div>
            </main>
            <aside id="secondary" class="widget-area"><section class="widget"><h2>You may also like</h2><ul><li><a href="/c">Ten cars dictators love</a></li></ul></section>
              <section class="widget widget_newsletter"><h2>Newsletter</h2><p>Subscribe to our newsletter and get the top stories in your inbox every morning.</p></section></aside>
          </div>
          <footer id="colophon" class="site-footer"><p>© 2024 World Daily. All rights reserved.</p></footer>
        </div>
        </body>
        </html>
        """
    }

    static let volcanoStory: [String] = [
        "The volcano on the Reykjanes peninsula erupted for the fourth time since December on Saturday evening, sending a curtain of lava into the sky just north of the fishing town of Grindavik.",
        "Civil protection officials said the town, which was evacuated in November, had again been cleared within an hour, and that the nearby Blue Lagoon spa had closed its doors to visitors as a precaution.",
        "Scientists at the Icelandic Met Office said the fissure was about three kilometres long and that the flow of lava had slowed by Sunday morning, although the eruption could continue for days.",
        "Flights to and from Keflavik international airport were not affected, the airport operator said, and there was no sign of the ash clouds that grounded European air traffic in 2010.",
    ]

    /// A Blogger (Blogspot) page: table-free blog layout, share counters, comment section, sidebar.
    static var blogger: String {
        """
        <html dir="ltr" lang="en"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type">
        <title>Field Notes: Reykjanes erupts again</title>
        <meta content="Reykjanes erupts again" property="og:title">
        </head><body class="loading">
        <div class="content-outer"><div class="header-outer"><div class="header section" id="header"><h1 class="title">Field Notes</h1><p class="description">Notes from a geologist on the road</p></div></div>
        <div class="main-outer"><div class="main section" id="main">
          <div class="blog-posts hfeed">
            <div class="date-outer"><h2 class="date-header"><span>Saturday, March 16, 2024</span></h2>
            <div class="post hentry" itemprop="blogPost" itemscope="itemscope">
              <h3 class="post-title entry-title" itemprop="name">Reykjanes erupts again</h3>
              <div class="post-header"><div class="post-header-line-1"></div></div>
              <div class="post-body entry-content" id="post-body-42" itemprop="description articleBody">
                \(volcanoStory.joined(separator: "<br><br>\n"))
              </div>
              <div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">Posted by <span class="fn">Anna</span></span>
                <span class="post-comment-link"><a class="comment-link" href="#comments">3 comments</a></span>
                <div class="post-share-buttons goog-inline-block"><a class="share-button sb-email" href="#">Email This</a><a class="share-button sb-twitter" href="#">Share to Twitter</a><a class="share-button sb-facebook" href="#">Share to Facebook</a></div></div>
                <div class="post-footer-line post-footer-line-2"><span class="post-labels">Labels: <a href="/l/iceland">Iceland</a>, <a href="/l/volcanoes">volcanoes</a></span></div></div>
            </div></div>
          </div>
          <div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="/newer">Newer Post</a></span><span id="blog-pager-older-link"><a class="blog-pager-older-link" href="/older">Older Post</a></span><a class="home-link" href="/">Home</a></div>
          <div class="comments" id="comments"><h4>3 comments:</h4><div id="comment-holder"><dl id="comments-block"><dt class="comment-author">Bjorn said...</dt><dd class="comment-body"><p>Great write-up, I could see the glow from Reykjavik last night and it was spectacular.</p></dd></dl></div></div>
        </div></div>
        <div class="sidebar section" id="sidebar-right-1"><div class="widget PopularPosts"><h2>Popular Posts</h2><ul><li><a href="/p1">Why Hekla is overdue</a></li></ul></div>
          <div class="widget Follow"><h2>Follow by Email</h2><p>Get new posts by email: subscribe below and never miss a field note again.</p></div></div>
        </div></body></html>
        """
    }

    static let marketStory: [String] = [
        "Shares of regional banks fell sharply on Wednesday after a mid-sized lender in Ohio disclosed larger than expected losses on commercial property loans, reviving fears that the sector remains exposed to falling office values.",
        "The KBW regional bank index closed down 4.2 percent, its worst day since March, while the broader market was little changed. Analysts said investors were reassessing which lenders held the most office debt.",
        "“This is a slow-moving problem, not a sudden one,” said Maria Chen, a banking analyst at Lakeview Capital. “Leases expire over years, so the losses arrive over years too.”",
        "Regulators have said the banking system remains sound, and the Federal Reserve’s latest stress tests found that large banks could absorb a severe commercial real estate downturn.",
    ]

    /// A news CMS page: JSON-LD, itemprop=articleBody, social counters, newsletter box, "Read more" teasers.
    static var newsCMS: String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <title>Regional bank shares slide on office loan worries | The Ledger</title>
        <meta property="og:title" content="Regional bank shares slide on office loan worries">
        <meta property="og:url" content="https://ledger.example/markets/2024/05/bank-shares-slide">
        <meta property="og:image" content="/img/banks.jpg">
        <meta property="og:locale" content="en_US">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Regional bank shares slide on office loan worries","datePublished":"2024-05-08T21:04:00Z","dateModified":"2024-05-09T07:00:00Z","author":[{"@type":"Person","name":"Jordan Lee"}],"publisher":{"@type":"Organization","name":"The Ledger"}}</script>
        </head><body>
        <div class="top-bar"><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
        <nav class="site-nav" role="navigation"><a href="/markets">Markets</a> <a href="/tech">Tech</a> <a href="/opinion">Opinion</a></nav>
        <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li></ol>
        <div class="layout">
          <article class="story">
            <h1 class="story-headline">Regional bank shares slide on office loan worries</h1>
            <div class="story-byline">By <a rel="author" href="/staff/jordan-lee">Jordan Lee</a> · <time datetime="2024-05-08T21:04:00Z">May 8, 2024</time></div>
            <div class="social-bar"><span>Share 0</span> <span>Tweet 51</span> <span>12 Shares</span></div>
            <div class="story-body" itemprop="articleBody">
              <p>\(marketStory[0])</p>
              <p>\(marketStory[1])</p>
              <div class="ad-slot inline-ad">Advertisement</div>
              <p>\(marketStory[2])</p>
              <div class="newsletter-signup"><h3>Get the Morning Ledger</h3><p>Sign up for our free newsletter with the day’s most important market news, delivered before the opening bell.</p></div>
              <p>\(marketStory[3])</p>
            </div>
            <div class="related-stories"><h2>You may also like</h2>
              <div class="teaser"><a href="/x">Office towers are selling at half price. Who is buying?</a><p>Investors see bargains where lenders see losses. <a href="/x">Read more</a></p></div></div>
          </article>
          <aside class="sidebar"><div class="most-popular"><h2>Most Popular</h2><ol><li><a href="/p">Fed holds rates steady</a></li></ol></div></aside>
        </div>
        <div id="gdpr-consent" class="consent-banner"><p>We and our partners use cookies to personalise content and ads. Manage your privacy settings.</p><button>Accept all</button></div>
        <footer class="site-footer"><p>Copyright 2024 The Ledger. All rights reserved.</p></footer>
        </body></html>
        """
    }
}
