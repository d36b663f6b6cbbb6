// HtmlAssets: the report's stylesheet and script, inlined in every page so
// the file needs nothing else (no fonts, no scripts, no images from
// anywhere). The script only adds interaction (copy buttons, the inventory
// filter, opening a <details> an anchor points into); with JavaScript off,
// every piece of content is still there.
#pragma once

namespace analyzer {

extern const char kHtmlStyle[];
// Its SHA-256 goes into the page's Content-Security-Policy: only this exact
// script may run, so even a line of log text that escaped escaping could
// not execute. Changing it changes the hash, nothing else to update.
extern const char kHtmlScript[];

}  // namespace analyzer
