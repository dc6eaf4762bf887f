// The CommonMark reference parser (Debian's libcmark-dev), which AlloTUI's Markdown module reads summaries with. Only
// its node API is used: parse, walk, read a node's type and fields, free.
#ifndef ALLO_CCMARK_SHIM_H
#define ALLO_CCMARK_SHIM_H
#include <cmark.h>
#endif
