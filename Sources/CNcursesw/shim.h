// The ncursesw surface AlloTerminal uses. The wide-character API (get_wch, cchar_t, setcchar, wadd_wch) is declared only
// with these feature macros, so they come before the header. Function-like macros and C globals do not import into
// Swift 6 (the globals are "not concurrency-safe"), hence the small inline accessors below.
#ifndef ALLO_CNCURSESW_SHIM_H
#define ALLO_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attribute bits (NCURSES_BITS macros).
static inline attr_t allo_attr_normal(void) { return A_NORMAL; }
static inline attr_t allo_attr_bold(void) { return A_BOLD; }
static inline attr_t allo_attr_dim(void) { return A_DIM; }
static inline attr_t allo_attr_italic(void) { return A_ITALIC; }
static inline attr_t allo_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t allo_attr_reverse(void) { return A_REVERSE; }

// Sizes without getmaxyx.
static inline int allo_getmaxy(WINDOW *window) { return getmaxy(window); }
static inline int allo_getmaxx(WINDOW *window) { return getmaxx(window); }

// Globals, read through functions.
static inline WINDOW *allo_stdscr(void) { return stdscr; }
static inline int allo_colors(void) { return COLORS; }
static inline int allo_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *allo_stdin(void) { return stdin; }
static inline FILE *allo_stdout(void) { return stdout; }

// KEY_F(n) is function-like.
static inline int allo_key_f(int n) { return KEY_F(n); }

// setcchar with an int colour pair (the `opts` extension), so pairs past 32767 work.
static inline int allo_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    return setcchar(cell, text, attributes, 0, &pair);
}

// A whole grapheme cluster in one cell (mode 2027): setcchar keeps only the first spacing character, so the cell is
// made from the first code point and the others are copied in after it (at most CCHARW_MAX in all).
static inline int allo_setcchar_cluster(cchar_t *cell, const wchar_t *text, int count, attr_t attributes, int pair) {
    wchar_t first[2] = { text[0], 0 };
    int result = setcchar(cell, first, attributes, 0, &pair);
    for (int index = 1; index < count && index < CCHARW_MAX; index++) cell->chars[index] = text[index];
    return result;
}

#endif
