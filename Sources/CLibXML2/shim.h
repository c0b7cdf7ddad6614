// libxml2 for Swift.
//
// libxml2's headers include ICU's when libxml2 was built with ICU, and ICU's UErrorCode
// then clashes with the copy inside Foundation ("UErrorCode has different definitions").
// Syndic never uses libxml2's ICU support, so the macro is removed before anything else.
#ifndef SYNDIC_CLIBXML2_SHIM_H
#define SYNDIC_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/entities.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>
#endif
