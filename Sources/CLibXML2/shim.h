// libxml2 includes ICU's headers when built with ICU, and those clash with Foundation's bundled ICU.
// kb never touches the encoding handlers that need them, so the ICU part is switched off here;
// only pointers to those structs pass through, so their layout does not matter to Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
