// OWNER: the terminal helper. Wide-character feature macros before the header, so get_wch/cchar_t/setcchar import.
#ifndef ALLO_CNCURSESW_SHIM_H
#define ALLO_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
