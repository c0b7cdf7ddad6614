"""The page templates of the six demo sites: each site wraps its stories in its own chrome.

Every template carries the boilerplate a real site has around a story (navigation, breadcrumb, share
counters, author box, comment form, related posts, newsletter box, cookie banner, previous/next links,
footer), because removing it is what Syndic's extraction has to get right. All hrefs are relative.
"""
import json
from html import escape


def e(s):
    return escape(s, quote=True)


def long_date(when):
    return f"{when.strftime('%B')} {when.day}, {when.year}"


def head_meta(site, c, title_suffix):
    return f"""<meta charset="utf-8">
<title>{e(c['headline'])}{title_suffix}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{c['file']}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{e(site['name'])}">
<meta property="og:title" content="{e(c['headline'])}">
<meta property="og:url" content="{c['file']}">
<meta property="og:description" content="{e(c['paragraphs'][0][:180])}">
<meta property="article:published_time" content="{c['when'].strftime('%Y-%m-%dT%H:%M:%S+00:00')}">
<meta property="article:section" content="{c['topic'].title()}">
<meta name="twitter:card" content="summary_large_image">"""


def paragraphs(c, wrap_open="<p>", wrap_close="</p>", read_more=None):
    """The story's paragraphs in the site's own markup, with notes and an inline "Read more:" link."""
    out = []
    if c["note_top"]:
        out.append(f"{wrap_open}<em>{escape(c['note_top'], quote=False)}</em>{wrap_close}")
    for i, p in enumerate(c["paragraphs"]):
        out.append(f"{wrap_open}{escape(p, quote=False)}{wrap_close}")
        if i == 1 and c["read_more"] and read_more:
            out.append(read_more(c["read_more"]))
    if c["note_end"]:
        out.append(f"{wrap_open}<em>{escape(c['note_end'], quote=False)}</em>{wrap_close}")
    return "\n".join(out)


COOKIE_WP = ("We use cookies to ensure that we give you the best experience on our website. If you continue "
             "to use this site we will assume that you are happy with it.")


# ------------------------------------------------------------------------------------------------ 1
def harbour_courier(site, c, body_html):
    rel = "\n".join(f"""      <div class="col-md-4 related-item"><a href="{r['file']}" rel="bookmark">{e(r['headline'])}</a>
        <span class="mg-blog-date"><i class="fas fa-clock"></i> {long_date(r['when'])}</span></div>""" for r in c["related"])
    prev_link = f'<div class="nav-previous"><a href="{c["older"]["file"]}" rel="prev"><span class="meta-nav">Previous Post</span> {e(c["older"]["headline"])}</a></div>' if c["older"] else ""
    next_link = f'<div class="nav-next"><a href="{c["newer"]["file"]}" rel="next"><span class="meta-nav">Next Post</span> {e(c["newer"]["headline"])}</a></div>' if c["newer"] else ""
    recent = "\n".join(f'<li><a href="{r["file"]}">{e(r["headline"])}</a></li>' for r in c["related"])
    rm = lambda r: f'<p class="read-more-inline"><strong>Read more:</strong> <a href="{r["file"]}">{e(r["headline"])}</a></p>'
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
{head_meta(site, c, ' &#8211; The Harbour Courier')}
<meta name="generator" content="WordPress 6.6.2">
<link rel="stylesheet" id="wp-block-library-css" href="../wp-includes/css/dist/block-library/style.min.css?ver=6.6.2" media="all">
<link rel="stylesheet" id="newsup-style-css" href="../wp-content/themes/newsup/style.css?ver=6.6.2" media="all">
<link rel="alternate" type="application/rss+xml" title="The Harbour Courier &raquo; Feed" href="../feed.xml">
<script src="../wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<style id="newsup-custom-css">.site-title a {{ color: #1b3a5c; }} .mg-headwidget .mg-head-detail {{ background: #0b2239; }}</style>
</head>
<body class="post-template-default single single-post postid-{4800 + len(c['slug'])} single-format-standard wp-embed-responsive">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div class="mg-head-detail hidden-xs">
  <div class="container-fluid"><ul class="info-left"><li>{c['when'].strftime('%A')}, {long_date(c['when'])}</li><li><a href="../contact.html">Contact us</a></li><li><a href="../advertise.html">Advertise</a></li></ul>
  <ul class="mg-social info-right"><li><a href="../social/facebook.html">Facebook</a></li><li><a href="../social/x.html">X</a></li><li><a href="../social/instagram.html">Instagram</a></li></ul></div>
</div>
<div class="mg-nav-widget-area">
  <div class="site-branding-text"><p class="site-title"><a href="../index.html" rel="home">The Harbour Courier</a></p>
  <p class="site-description">News from the waterfront and beyond</p></div>
</div>
<div class="mg-menu-full"><nav class="navbar navbar-expand-md navbar-wp">
  <ul id="menu-primary" class="nav navbar-nav">
    <li class="menu-item"><a href="../index.html">Home</a></li>
    <li class="menu-item current-post-ancestor"><a href="../category/world.html">World</a></li>
    <li class="menu-item"><a href="../category/business.html">Business</a></li>
    <li class="menu-item"><a href="../category/local.html">Local</a></li>
    <li class="menu-item"><a href="../category/sport.html">Sport</a></li>
    <li class="menu-item"><a href="../category/opinion.html">Opinion</a></li>
    <li class="menu-item"><a href="../category/obituaries.html">Obituaries</a></li>
  </ul></nav></div>
<div id="content" class="container-fluid">
<div class="mg-breadcrumb-section"><ol class="breadcrumb"><li><a href="../index.html">Home</a></li><li><a href="../category/{c['topic']}.html">{c['topic'].title()}</a></li><li class="active">{e(c['headline'])}</li></ol></div>
<div class="row">
<div class="col-md-9">
<div class="mg-blog-post-box">
  <div class="mg-header">
    <div class="mg-blog-category"><a class="newsup-categories category-color-1" href="../category/{c['topic']}.html" rel="category tag">{c['topic'].title()}</a></div>
    <span class="td-post-quote">&quot; &quot;</span>
    <h1 class="title single">{e(c['headline'])}</h1>
    <div class="media mg-info-author-block"><h4 class="media-heading"><span>By</span> <a href="../author/{site['author'].split()[0].lower()}.html">{e(site['author'])}</a></h4>
      <span class="mg-blog-date"><i class="fas fa-clock"></i> <time class="entry-date published" datetime="{c['when'].strftime('%Y-%m-%dT%H:%M:%S+00:00')}">{long_date(c['when'])}</time></span></div>
  </div>
  <div class="post-share"><div class="post-share-icons cf"><span class="share-count">0</span> <span class="comment-count">51</span></div></div>
  <article class="small single">
    <div class="entry-content">
{body_html_with(c, rm)}
    </div>
    <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-facebook" href="#share-facebook">Facebook</a></li><li><a class="share-x" href="#share-x">X</a></li><li><a class="share-jetpack-whatsapp" href="#share-whatsapp">WhatsApp</a></li><li><a class="share-email" href="#share-email">Email</a></li></ul></div>
    <div class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div>
  </article>
  <nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">{prev_link}{next_link}</div></nav>
</div>
<div class="media mg-info-author-block">
  <a class="mg-author-pic" href="../author/{site['author'].split()[0].lower()}.html"><img alt="" src="../wp-content/uploads/avatar-{site['author'].split()[0].lower()}.jpg" class="avatar" height="150" width="150"></a>
  <div class="media-body"><h4 class="media-heading">About Author</h4>
  <p>{e(site['bio'])}</p>
  <a href="../author/{site['author'].split()[0].lower()}.html" class="author-more">View all posts by {e(site['author'])}</a></div>
</div>
<div class="mg-featured-slider p-3 mb-4"><div class="mg-sec-title"><h4>You may also like</h4></div>
  <div class="row">
{rel}
  </div>
</div>
<div id="comments" class="comments-area mg-card-box padding-20 mb-md-0 mb-4">
  <div id="respond" class="comment-respond">
    <h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3>
    <form action="../wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
      <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
      <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
      <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required></p>
      <p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" autocomplete="email" required></p>
      <p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url"></p>
      <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p>
    </form>
  </div>
</div>
</div>
<aside class="col-md-3" id="secondary">
  <div id="block-2" class="widget widget_search"><form role="search" method="get" action="../search.html"><label>Search <input type="search" name="s"></label><button type="submit">Search</button></form></div>
  <div id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
{recent}
  </ul></div>
  <div id="newsletter-3" class="widget widget_newsletter"><h2 class="widget-title">Subscribe to our newsletter</h2>
    <p>Get the day&#8217;s top stories from the Harbour Courier in your inbox every morning at seven. No spam, unsubscribe at any time.</p>
    <form action="../newsletter.html" method="post"><input type="email" name="email" placeholder="Your email address"> <button type="submit">Sign up</button></form></div>
  <div id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul><li><a href="../category/world.html">World</a> (412)</li><li><a href="../category/business.html">Business</a> (287)</li><li><a href="../category/local.html">Local</a> (903)</li><li><a href="../category/sport.html">Sport</a> (350)</li></ul></div>
</aside>
</div>
</div>
<footer class="footer"><div class="mg-footer-bottom-area"><div class="container-fluid">
  <ul class="footer-menu"><li><a href="../about.html">About us</a></li><li><a href="../privacy-policy.html">Privacy Policy</a></li><li><a href="../terms.html">Terms and Conditions</a></li><li><a href="../corrections.html">Corrections</a></li></ul>
  <p class="site-info">Copyright &copy; 2026 The Harbour Courier. All rights reserved. | Theme: Newsup by Themeansar.</p>
</div></div></footer>
<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" aria-label="Cookie Notice"><div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">{COOKIE_WP}</span><span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" class="cn-set-cookie cn-button">Ok</a><a href="../privacy-policy.html" target="_blank" id="cn-more-info" class="cn-more-info cn-button">Privacy policy</a></span></div></div>
</div>
<script src="../wp-content/plugins/cookie-notice/js/front.min.js?ver=2.4.18" id="cookie-notice-front-js"></script>
<script>window.wpcomments = {{"postId": {4800 + len(c['slug'])}, "threaded": true}};</script>
</body>
</html>
"""


def body_html_with(c, read_more):
    return paragraphs(c, read_more=read_more)


# ------------------------------------------------------------------------------------------------ 2
def northwind_wire(site, c, body_html):
    body_text = "\n\n".join(([c["note_top"]] if c["note_top"] else []) + c["paragraphs"])
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": c["headline"], "datePublished": c["when"].strftime("%Y-%m-%dT%H:%M:%SZ"),
        "dateModified": c["when"].strftime("%Y-%m-%dT%H:%M:%SZ"),
        "author": [{"@type": "Organization", "name": "Northwind Wire"}],
        "publisher": {"@type": "Organization", "name": "Northwind Wire", "logo": {"@type": "ImageObject", "url": "../static/logo.png"}},
        "articleSection": c["topic"].title(), "mainEntityOfPage": c["file"], "articleBody": body_text,
    }
    ld_text = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    rm = lambda r: f'<p class="inline-link" data-testid="read-more"><span>Read more:</span> <a href="{r["file"]}">{e(r["headline"])}</a></p>'
    more = "\n".join(f"""<li class="story-card"><a href="{r['file']}"><span class="kicker">{r['topic'].title()}</span><h3>{e(r['headline'])}</h3></a><time datetime="{r['when'].strftime('%Y-%m-%dT%H:%M:%SZ')}">{r['when'].strftime('%d %b %Y')}</time></li>""" for r in c["related"])
    caption_words = " ".join(c["paragraphs"][0].split(" \u2014 ", 1)[-1].split()[:14]).rstrip(",.")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head_meta(site, c, ' | Northwind Wire')}
<script type="application/ld+json">{ld_text}</script>
<link rel="preload" href="../static/fonts/NorthSans.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="../static/app.4f2c91.css">
</head>
<body class="nw-article-page">
<a class="skip" href="#main-content">Skip to main content</a>
<header class="site-header" role="banner">
  <div class="masthead"><a class="logo" href="../index.html" aria-label="Northwind Wire home">NORTHWIND WIRE</a>
  <a class="btn-subscribe" href="../subscribe.html">Subscribe</a> <a class="btn-signin" href="../signin.html">Sign in</a></div>
  <nav class="primary-nav" aria-label="Sections"><ul>
    <li><a href="../world.html">World</a></li><li><a href="../business.html">Business</a></li><li><a href="../markets.html">Markets</a></li>
    <li><a href="../politics.html">Politics</a></li><li><a href="../technology.html">Technology</a></li><li><a href="../science.html">Science</a></li><li><a href="../pictures.html">Pictures</a></li>
  </ul></nav>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="../index.html">Home</a></li><li><a href="../{c['topic']}.html">{c['topic'].title()}</a></li></ol></nav>
<main id="main-content">
<article class="article" data-article-id="{c['slug']}">
  <header class="article-header">
    <a class="kicker" href="../{c['topic']}.html">{c['topic'].title()}</a>
    <h1 class="article-headline" data-testid="Heading">{e(c['headline'])}</h1>
    <div class="byline">By <a href="../authors/staff.html">Northwind Wire staff</a> &middot; <time datetime="{c['when'].strftime('%Y-%m-%dT%H:%M:%SZ')}">{c['when'].strftime('%B %d, %Y %I:%M %p UTC').replace(' 0', ' ')}</time> &middot; Updated {c['when'].strftime('%H:%M')} UTC</div>
    <div class="share-bar" aria-label="Share"><button>Share</button> <a href="#share-x">X</a> <a href="#share-facebook">Facebook</a> <a href="#share-linkedin">LinkedIn</a> <a href="#share-email">Email</a> <button class="save">Save</button></div>
  </header>
  <figure class="lead-media"><img src="../static/media/{c['slug']}.jpg" alt="" width="1200" height="800" loading="eager">
    <figcaption>{e(caption_words)}, in a file photo. <span class="credit">Northwind Wire/Photo desk</span></figcaption></figure>
  <div class="article-body" data-testid="ArticleBody">
{paragraphs(c, read_more=rm)}
  </div>
  <p class="article-signoff">Reporting by the Northwind Wire newsroom; Editing by Hanna Berglund</p>
  <p class="standards"><a href="../trust-principles.html">Our Standards: The Northwind Trust Principles.</a></p>
  <div class="licensing"><a href="../licensing.html">Purchase Licensing Rights</a>, opens new tab</div>
</article>
<section class="more-from" aria-labelledby="more-title"><h2 id="more-title">More from Northwind Wire</h2><ul>
{more}
</ul></section>
<section class="newsletter-promo"><h2>Get the Morning Wire newsletter</h2><p>The five stories you need before your first meeting, every weekday at 6 a.m.</p>
  <form action="../newsletters.html"><label>Email <input type="email" name="email"></label> <button>Sign up</button></form></section>
</main>
<footer class="site-footer"><div class="footer-cols">
  <ul><li><a href="../about.html">About Northwind</a></li><li><a href="../careers.html">Careers</a></li><li><a href="../contact.html">Contact</a></li></ul>
  <ul><li><a href="../privacy.html">Privacy</a></li><li><a href="../cookies.html">Cookie policy</a></li><li><a href="../accessibility.html">Accessibility</a></li></ul></div>
  <p>All quotes delayed a minimum of 15 minutes. &copy; 2026 Northwind Wire. All rights reserved.</p></footer>
<div class="consent-banner" role="dialog" aria-modal="false"><p>We and our partners use cookies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your choices at any time by selecting Cookie settings.</p><button class="accept">Accept all</button> <button class="reject">Reject all</button> <a href="../cookies.html">Cookie settings</a></div>
<script src="../static/app.4f2c91.js" defer></script>
</body>
</html>
"""


# ------------------------------------------------------------------------------------------------ 3
def meridian_daily(site, c, body_html):
    def div_paras():
        out = []
        if c["note_top"]:
            out.append(f"<div><i>{escape(c['note_top'], quote=False)}</i></div><div><br /></div>")
        for i, p in enumerate(c["paragraphs"]):
            out.append(f"<div>{escape(p, quote=False)}</div><div><br /></div>")
            if i == 1 and c["read_more"]:
                r = c["read_more"]
                out.append(f"<div><b>Read more:</b> <a href=\"{r['file']}\">{e(r['headline'])}</a></div><div><br /></div>")
        if c["note_end"]:
            out.append(f"<div><i>{escape(c['note_end'], quote=False)}</i></div>")
        return "\n".join(out)
    popular = "\n".join(f"<li><div class='item-title'><a href='{r['file']}'>{e(r['headline'])}</a></div></li>" for r in c["related"])
    newer = f"<span id='blog-pager-newer-link'><a class='blog-pager-newer-link' href='{c['newer']['file']}' title='Newer Post'>Newer Post</a></span>" if c["newer"] else ""
    older = f"<span id='blog-pager-older-link'><a class='blog-pager-older-link' href='{c['older']['file']}' title='Older Post'>Older Post</a></span>" if c["older"] else ""
    post_id = 7300000000000000000 + sum(map(ord, c["slug"])) * 7919
    return f"""<!DOCTYPE html>
<html class='v2' dir='ltr' lang='en'>
<head>
{head_meta(site, c, ' | Meridian Daily')}
<meta content='blogger' name='generator'/>
<link href='../favicon.ico' rel='icon' type='image/x-icon'/>
<link rel="alternate" type="application/rss+xml" title="Meridian Daily - RSS" href="../index.rdf" />
<style id='page-skin-1' type='text/css'>body {{ font: normal normal 15px Georgia, serif; color: #222; background: #f4f1ea; }} .post-body {{ line-height: 1.6; }}</style>
</head>
<body class='loading variant-simplysimple'>
<div class='navbar section' id='navbar' name='Navbar'><div class='widget Navbar' id='Navbar1'><a href='../search.html'>Search</a> | <a href='../index.html'>More</a> | <a href='../signin.html'>Create Blog</a> | <a href='../signin.html'>Sign In</a></div></div>
<div class='outer-wrapper'>
<div class='header-outer'><div class='header section' id='header'><div class='widget Header' id='Header1'>
<div id='header-inner'><div class='titlewrapper'><h1 class='title'><a href='../index.html'>Meridian Daily</a></h1></div>
<div class='descriptionwrapper'><p class='description'><span>Independent news, checked twice.</span></p></div></div></div></div></div>
<div class='tabs-outer'><div class='tabs section' id='crosscol'><div class='widget PageList' id='PageList1'><ul>
<li><a href='../index.html'>Home</a></li><li><a href='../search/label/world.html'>World</a></li><li><a href='../search/label/politics.html'>Politics</a></li><li><a href='../search/label/technology.html'>Technology</a></li><li><a href='../p/about.html'>About</a></li></ul></div></div></div>
<div class='main-outer'><div class='columns'>
<div class='main-inner'><div class='column-center-inner'><div class='main section' id='main'><div class='widget Blog' id='Blog1'>
<div class='blog-posts hfeed'>
<div class='date-outer'><h2 class='date-header'><span>{c['when'].strftime('%A')}, {long_date(c['when'])}</span></h2>
<div class='date-posts'><div class='post-outer'>
<div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>
<a name='{post_id}'></a>
<h3 class='post-title entry-title' itemprop='name'>{e(c['headline'])}</h3>
<div class='post-header'><div class='post-header-line-1'></div></div>
<div class='post-body entry-content' id='post-body-{post_id}' itemprop='description articleBody'>
{div_paras()}
</div>
<div class='post-footer'>
<div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>Posted by <span class='fn' itemprop='author'>{e(site['author'])}</span></span>
<span class='post-timestamp'>at <a class='timestamp-link' href='{c['file']}' rel='bookmark' title='permanent link'><abbr class='published' itemprop='datePublished' title='{c['when'].strftime('%Y-%m-%dT%H:%M:%S+00:00')}'>{c['when'].strftime('%I:%M %p').lstrip('0')}</abbr></a></span>
<span class='post-comment-link'><a class='comment-link' href='#comments'>12 comments:</a></span></div>
<div class='post-footer-line post-footer-line-2'><span class='post-labels'>Labels: <a href='../search/label/{c['topic']}.html' rel='tag'>{c['topic']}</a>, <a href='../search/label/news.html' rel='tag'>news</a></span></div>
<div class='post-share-buttons'><a class='goog-inline-block share-button sb-email' href='#share-email' title='Email This'>Email This</a><a class='goog-inline-block share-button sb-blog' href='#share-blog' title='BlogThis!'>BlogThis!</a><a class='goog-inline-block share-button sb-twitter' href='#share-twitter' title='Share to X'>Share to X</a><a class='goog-inline-block share-button sb-facebook' href='#share-facebook' title='Share to Facebook'>Share to Facebook</a></div>
</div>
</div>
<div class='comments' id='comments'><h4>12 comments:</h4>
<div class='comment-form'><a name='comment-form'></a><h4 id='comment-post-message'>Post a Comment</h4>
<p>Comments are moderated and may take a few hours to appear. Be kind; we delete abuse.</p>
<iframe allowtransparency='true' class='blogger-iframe-colorize blogger-comment-from-post' frameborder='0' height='410px' id='comment-editor' name='comment-editor' src='../comment-iframe.html' width='100%'></iframe></div>
</div>
</div></div></div></div>
<div class='blog-pager' id='blog-pager'>{newer} {older} <a class='home-link' href='../index.html'>Home</a></div>
<div class='post-feeds'><div class='feed-links'>Subscribe to: <a class='feed-link' href='../index.rdf' type='application/rss+xml'>Post Comments (Atom)</a></div></div>
</div></div></div></div>
<div class='column-right-outer'><div class='column-right-inner'><aside><div class='sidebar section' id='sidebar-right-1'>
<div class='widget Profile' id='Profile1'><h2>About Me</h2><div class='widget-content'><dl class='profile-datablock'><dt class='profile-data'>{e(site['author'])}</dt><dd class='profile-textblock'>{e(site['bio'])}</dd></dl><a class='profile-link' href='../profile.html' rel='author'>View my complete profile</a></div></div>
<div class='widget PopularPosts' id='PopularPosts1'><h2>Popular Posts</h2><div class='widget-content popular-posts'><ul>
{popular}
</ul></div></div>
<div class='widget Follow' id='Follow1'><h2 class='title'>Follow by Email</h2><div class='follow-by-email-inner'><form action='../subscribe.html' method='post'><input class='follow-by-email-address' name='email' placeholder='Email address...' type='text'/> <input class='follow-by-email-submit' type='submit' value='Submit'/></form></div></div>
<div class='widget BlogArchive' id='BlogArchive1'><h2>Blog Archive</h2><div id='ArchiveList'><ul class='hierarchy'><li class='archivedate expanded'><a class='toggle' href='#archive'>&#9660;&#160;</a><a class='post-count-link' href='../2026/index.html'>2026</a> <span class='post-count' dir='ltr'>(214)</span><ul class='hierarchy'><li class='archivedate expanded'><a class='toggle' href='#archive'>&#9660;&#160;</a><a class='post-count-link' href='../2026/11/index.html'>November</a> <span class='post-count' dir='ltr'>(37)</span></li><li class='archivedate collapsed'><a class='toggle' href='#archive'>&#9658;&#160;</a><a class='post-count-link' href='../2026/10/index.html'>October</a> <span class='post-count' dir='ltr'>(41)</span></li></ul></li></ul></div></div>
</div></aside></div></div>
</div></div>
<div class='footer-outer'><div class='footer section' id='footer-1'><div class='widget Attribution' id='Attribution1'><div class='widget-content' style='text-align: center;'>Simple theme. Powered by <a href='../blogger.html' target='_blank'>Blogger</a>.</div></div></div></div>
</div>
<div id='cookieChoiceInfo' class='cookie-choices-info'><div class='cookie-choices-inner'><span class='cookie-choices-text'>This site uses cookies from Google to deliver its services and to analyse traffic.</span><span class='cookie-choices-buttons'><a class='cookie-choices-button' href='../privacy.html'>Learn more</a><a class='cookie-choices-button' id='cookieChoiceDismiss' href='#ok'>Ok</a></span></div></div>
</body>
</html>
"""


# ------------------------------------------------------------------------------------------------ 4
def valley_ledger(site, c, body_html):
    def div_paras():
        out = []
        if c["note_top"]:
            out.append(f'<div class="txt"><i>{escape(c["note_top"], quote=False)}</i></div>')
        for i, p in enumerate(c["paragraphs"]):
            out.append(f'<div class="txt">{escape(p, quote=False)}</div>')
            if i == 1 and c["read_more"]:
                r = c["read_more"]
                out.append(f'<div class="txt rel-inline"><b>Read more:</b> <a href="{r["file"]}">{e(r["headline"])}</a></div>')
        if c["note_end"]:
            out.append(f'<div class="txt"><i>{escape(c["note_end"], quote=False)}</i></div>')
        return "\n".join(out)
    most_read = "\n".join(f'<div class="mr-item"><span class="mr-num">{i + 1}</span> <a href="{r["file"]}">{e(r["headline"])}</a></div>' for i, r in enumerate(c["related"]))
    prev_ = f'<div class="pn-prev">&laquo; Previous: <a href="{c["older"]["file"]}">{e(c["older"]["headline"])}</a></div>' if c["older"] else ""
    next_ = f'<div class="pn-next">Next: <a href="{c["newer"]["file"]}">{e(c["newer"]["headline"])}</a> &raquo;</div>' if c["newer"] else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head_meta(site, c, ' - The Valley Ledger')}
<link rel="stylesheet" href="../css/ledger-2014.css" type="text/css">
<script src="../js/ads.js"></script>
</head>
<body>
<div id="wrapper">
<div id="topbar"><div class="tb-left">{c['when'].strftime('%A')}, {long_date(c['when'])} &nbsp;|&nbsp; Valley Weather: 6&deg;C, light rain</div><div class="tb-right"><a href="../subscribe.html">Subscribe</a> | <a href="../epaper.html">E-Edition</a> | <a href="../login.html">Log in</a></div></div>
<div id="hdr"><div class="logo"><a href="../index.html">The Valley Ledger</a></div><div class="slogan">Serving the valley since 1908</div><div class="hdr-ad">Advertisement</div></div>
<div id="menu"><div class="mi"><a href="../index.html">Home</a></div><div class="mi"><a href="../news.html">News</a></div><div class="mi"><a href="../business.html">Business</a></div><div class="mi"><a href="../science.html">Science &amp; Nature</a></div><div class="mi"><a href="../sports.html">Sports</a></div><div class="mi"><a href="../obits.html">Obituaries</a></div><div class="mi"><a href="../classifieds.html">Classifieds</a></div></div>
<div id="crumbs"><a href="../index.html">Home</a> &gt; <a href="../{c['topic']}.html">{c['topic'].title()}</a> &gt; <span>{e(c['headline'])}</span></div>
<div id="cols">
<div id="leftcol">
<div class="storyhead">{e(c['headline'])}</div>
<div class="storymeta">By <a href="../staff/{site['author'].split()[0].lower()}.html">{e(site['author'])}</a> &nbsp; Posted {c['when'].strftime('%b %d, %Y at %H:%M')}</div>
<div class="sharebar"><div class="shares-total"><span class="num">12</span> Shares</div><div class="sb"><a href="#fb">Facebook</a></div><div class="sb"><a href="#x">X</a></div><div class="sb"><a href="#mail">Email</a></div><div class="sb"><a href="#print">Print</a></div><div class="sb">Text size <a href="#a-">A</a> <a href="#a+">A</a></div></div>
<div class="storytext">
{div_paras()}
</div>
<div class="adslot">Advertisement</div>
<div class="authorbox"><div class="ab-title">About the author</div><div class="ab-name">{e(site['author'])}</div><div class="ab-bio">{e(site['bio'])}</div><div class="ab-contact">Contact: newsroom@valleyledger.example &middot; 555-0142</div></div>
<div class="prevnext">{prev_}{next_}</div>
<div class="comments"><div class="c-title">Comments (3)</div>
<div class="c-item"><div class="c-who">RiverWatcher</div><div class="c-when">2 days ago</div><div class="c-text">Good reporting as usual. More of this please.</div></div>
<div class="c-item"><div class="c-who">J. Harlow</div><div class="c-when">2 days ago</div><div class="c-text">Does anyone know if this affects the Thursday market?</div></div>
<div class="c-item"><div class="c-who">valleymum</div><div class="c-when">1 day ago</div><div class="c-text">Shared with our neighbourhood group.</div></div>
<div class="c-form"><div class="c-title">Leave a Reply</div><div class="c-note">Your email address will not be published. Required fields are marked *</div>
<form action="../comment.html" method="post"><div>Comment *<br><textarea name="comment" rows="6" cols="50"></textarea></div><div>Name * <input name="name"></div><div>Email * <input name="email"></div><div><input type="submit" value="Post Comment"></div></form></div>
</div>
</div>
<div id="rightcol">
<div class="box"><div class="box-title">Most Read</div>
{most_read}
</div>
<div class="box newsletter"><div class="box-title">Get The Ledger in your inbox</div><div>Morning headlines, weekend reads and local events. Free for everyone.</div><form action="../newsletter.html"><input name="email" placeholder="you@example.com"> <input type="submit" value="Sign up"></form></div>
<div class="box"><div class="box-title">Advertisement</div><div class="adslot-tall">Valley Motors: winter tyres fitted from 49.99 while stocks last.</div></div>
</div>
</div>
<div id="ftr"><div class="ftr-links"><a href="../about.html">About Us</a> | <a href="../contact.html">Contact</a> | <a href="../advertise.html">Advertise</a> | <a href="../privacy.html">Privacy Policy</a> | <a href="../terms.html">Terms of Use</a></div>
<div class="ftr-copy">&copy; 2026 The Valley Ledger, a Valley Media Group publication. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</div></div>
<div id="cookiebar"><div class="cb-text">This website uses cookies to improve your experience. By continuing to browse you agree to our use of cookies.</div><div class="cb-btn"><a href="#accept">Accept</a></div></div>
</div>
</body>
</html>
"""


# ------------------------------------------------------------------------------------------------ 5
def capital_brief(site, c, body_html):
    rm = lambda r: f'<aside class="inline-read-more" data-component="read-more"><strong>Read more:</strong> <a href="{r["file"]}">{e(r["headline"])}</a></aside>'
    popular = "\n".join(f'<li data-rank="{i + 1}"><a href="{r["file"]}">{e(r["headline"])}</a></li>' for i, r in enumerate(c["related"]))
    words = sum(len(p.split()) for p in c["paragraphs"])
    dek = c["paragraphs"][0].split(" \u2014 ", 1)[-1].split(". ")[0] + "."
    return f"""<!DOCTYPE html>
<html lang="en" data-theme="light">
<head>
{head_meta(site, c, ' — Capital Brief')}
<link rel="stylesheet" href="../_next/static/css/7b1e0c2a.css">
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{"slug":"{c['slug']}","section":"{c['topic']}","paywall":true}}}},"page":"/article/[slug]","buildId":"cb-2026-11"}}</script>
</head>
<body>
<div id="__next">
<div class="promo-strip" data-component="promo">Black Friday: 50% off your first year of Capital Brief Premium. <a href="../subscribe.html">Claim offer</a></div>
<header class="app-header" data-component="header"><a class="brand" href="../index.html">Capital <b>Brief</b></a>
  <nav class="app-nav" aria-label="Main"><a href="../business.html">Business</a> <a href="../technology.html">Technology</a> <a href="../world.html">World</a> <a href="../policy.html">Policy</a> <a href="../podcasts.html">Podcasts</a></nav>
  <div class="header-actions"><a href="../search.html" aria-label="Search">Search</a> <a class="btn" href="../subscribe.html">Subscribe</a></div></header>
<main class="layout" data-component="article-page">
<div class="crumbs" data-component="breadcrumbs"><a href="../index.html">Capital Brief</a> / <a href="../{c['topic']}.html">{c['topic'].title()}</a></div>
<div class="article-head"><span class="section-label">{c['topic'].title()}</span>
  <h1 class="headline">{e(c['headline'])}</h1>
  <div class="dek">{e(dek)}</div>
  <div class="meta"><span class="author">{e(site['author'])}</span> <span class="dot">&middot;</span> <span class="date">{long_date(c['when'])}</span> <span class="dot">&middot;</span> <span class="read-time">{max(1, words // 220)} min read</span></div>
  <div class="share-row" data-component="share"><a class="share fb" href="#share-facebook">Share <span class="count">0</span></a> <a class="share tw" href="#share-x">Tweet <span class="count">51</span></a> <a class="share mail" href="#share-email">Email</a></div>
  <div class="listen" data-component="audio">Listen to this article &middot; {max(1, words // 150)} min</div>
</div>
<div class="rich-text" data-component="body">
{paragraphs(c, read_more=rm)}
</div>
<div class="paywall-note" data-component="meter">You have 3 free articles left this month. <a href="../subscribe.html">Subscribe for unlimited access</a> or <a href="../signin.html">sign in</a>.</div>
<div class="author-card" data-component="author"><div class="author-card__label">About the author</div><div class="author-card__name">{e(site['author'])}</div><div class="author-card__bio">{e(site['bio'])}</div><a href="../authors/{site['author'].split()[0].lower()}.html">Follow {e(site['author'].split()[0])}</a></div>
<div class="newsletter-box" data-component="newsletter"><div class="nl-title">The Brief, every weekday</div><div class="nl-text">Markets, money and the machines that move them, in five minutes. Join 120,000 readers.</div><form action="../newsletter.html"><input type="email" name="email" aria-label="Email"> <button type="submit">Sign up</button></form></div>
<div class="comments" data-component="comments"><h2>Leave a Reply</h2><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<form action="../comments.html" method="post"><label>Comment * <textarea name="comment"></textarea></label> <label>Name * <input name="name"></label> <label>Email * <input name="email" type="email"></label> <button type="submit">Post Comment</button></form></div>
<div class="most-popular" data-component="popular"><h2>Most popular</h2><ol>
{popular}
</ol></div>
</main>
<footer class="app-footer"><div>&copy; 2026 Capital Brief Media Ltd. Registered in the Republic of Example, company no. 0042.</div><div><a href="../terms.html">Terms</a> &middot; <a href="../privacy.html">Privacy</a> &middot; <a href="../cookies.html">Cookies</a> &middot; <a href="../careers.html">Careers</a></div></footer>
<div class="cookie-consent" data-component="cookie-consent"><p>Capital Brief uses cookies and similar technologies to measure our audience and show you relevant offers. Manage your preferences at any time.</p><button>Accept</button> <button>Manage</button></div>
</div>
</body>
</html>
"""


# ------------------------------------------------------------------------------------------------ 6
def lakeside_post(site, c, body_html):
    rm = lambda r: f'<p><strong>Read more:</strong> <a href="{r["file"]}">{e(r["headline"])}</a></p>'
    cards = "\n".join(f"""<article class="gh-card post"><a class="gh-card-link" href="{r['file']}"><header class="gh-card-wrapper"><h3 class="gh-card-title">{e(r['headline'])}</h3></header><footer class="gh-card-meta"><time datetime="{r['when'].strftime('%Y-%m-%d')}">{r['when'].strftime('%b %d, %Y')}</time></footer></a></article>""" for r in c["related"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head_meta(site, c, ' | Lakeside Post')}
<meta name="generator" content="Ghost 5.96">
<link rel="stylesheet" href="../assets/built/screen.css?v=9b2f1c">
<link rel="alternate" type="application/rss+xml" title="Lakeside Post" href="../rss.xml">
<script defer src="../assets/portal.min.js" data-ghost="../" data-key="demo" crossorigin="anonymous"></script>
</head>
<body class="post-template tag-{c['topic']} has-sans-title is-head-left-logo">
<div class="gh-site">
<header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">
  <div class="gh-head-brand"><a class="gh-head-logo" href="../index.html">Lakeside Post</a></div>
  <nav class="gh-head-menu"><ul class="nav"><li class="nav-home"><a href="../index.html">Home</a></li><li class="nav-news"><a href="../tag/news.html">News</a></li><li class="nav-lakeside"><a href="../tag/lakeside.html">Lakeside</a></li><li class="nav-long-reads"><a href="../tag/long-reads.html">Long reads</a></li><li class="nav-about"><a href="../about.html">About</a></li></ul></nav>
  <div class="gh-head-actions"><a class="gh-head-link" href="#/portal/signin">Sign in</a> <a class="gh-head-button" href="#/portal/signup">Subscribe</a></div>
</div></header>
<main id="site-main" class="site-main">
<article class="article post tag-{c['topic']}">
  <header class="article-header gh-canvas">
    <section class="article-tag post-card-primary-tag"><a href="../tag/{c['topic']}.html">{c['topic'].title()}</a></section>
    <h1 class="article-title">{e(c['headline'])}</h1>
    <div class="article-byline"><section class="article-byline-content"><ul class="author-list"><li class="author-list-item"><a href="../author/{site['author'].split()[0].lower()}.html" class="author-avatar">{e(site['author'][0])}</a></li></ul>
      <div class="article-byline-meta"><h4 class="author-name"><a href="../author/{site['author'].split()[0].lower()}.html">{e(site['author'])}</a></h4>
      <div class="byline-meta-content"><time class="byline-meta-date" datetime="{c['when'].strftime('%Y-%m-%d')}">{c['when'].strftime('%b %d, %Y')}</time> <span class="byline-reading-time"><span class="bull">&bull;</span> {max(1, sum(len(p.split()) for p in c['paragraphs']) // 230)} min read</span></div></div></section>
      <div class="share-widget"><span class="share-total">3 Shares</span> <a href="#share-x">X</a> <a href="#share-facebook">Facebook</a> <a href="#share-link">Copy link</a></div></div>
  </header>
  <section class="gh-content gh-canvas">
{paragraphs(c, read_more=rm)}
  </section>
  <section class="article-comments gh-canvas"><div class="comments-count">0 Comments</div>
    <div class="comment-box"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p><p>Become a member of Lakeside Post to join the conversation. <a href="#/portal/signup">Sign up now</a></p></div></section>
  <section class="author-card gh-canvas"><h3>About the author</h3><h4>{e(site['author'])}</h4><p>{e(site['bio'])}</p></section>
  <section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign up for Lakeside Post</h2><p>Politics, ports and public services around the lake. Free weekly newsletter, no ads.</p><a class="footer-cta-button" href="#/portal/signup"><div class="footer-cta-input">Enter your email</div><span>Subscribe</span></a></div></section>
</article>
</main>
<aside class="read-more-wrap outer"><div class="read-more inner"><h2 class="read-more-title">You might also like</h2>
{cards}
</div></aside>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="../index.html">Lakeside Post</a> &copy; 2026</section>
<nav class="site-footer-nav"><ul class="nav"><li><a href="../about.html">About</a></li><li><a href="../privacy.html">Privacy</a></li><li><a href="../contact.html">Contact</a></li></ul></nav>
<div class="gh-powered-by"><a href="../ghost.html" target="_blank" rel="noopener">Powered by Ghost</a></div></div></footer>
<div class="cookie-bar">We use a few essential cookies to keep you signed in. No tracking, no ads. <button>Got it</button></div>
</div>
</body>
</html>
"""


RENDERERS = {
    "harbour-courier": harbour_courier, "northwind-wire": northwind_wire, "meridian-daily": meridian_daily,
    "valley-ledger": valley_ledger, "capital-brief": capital_brief, "lakeside-post": lakeside_post,
}


def render(site_slug, site, c, body_html):
    return RENDERERS[site_slug](site, c, body_html)


def render_index(site_slug, site, items):
    lis = "\n".join(f'<li><a href="articles/{c["file"]}">{e(c["headline"])}</a> <time datetime="{c["when"].strftime("%Y-%m-%dT%H:%M:%SZ")}">{long_date(c["when"])}</time></li>' for c in items)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(site['name'])}</title>
<link rel="alternate" href="{site['feed']}" title="{e(site['name'])}"></head>
<body><h1>{e(site['name'])}</h1><p>A fictional news site of the Syndic demo world. Feed: <a href="{site['feed']}">{site['feed']}</a></p>
<ul>
{lis}
</ul></body></html>
"""
