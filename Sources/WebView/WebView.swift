/// WebView: the read-only web interface served by `syndic serve`.
enum WebViewPlaceholder {}
