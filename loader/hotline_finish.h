/* Staged hotlines written once their places are resolved (loader/hotline_places.h):
 * the hotline and hotline_area rows; replaced_by linked to the loaded line it names (the
 * one with that number nearest the line's own division), a warning with file:line when
 * none; a landline whose area code is not the area code of its division (or of a
 * division above it) when area codes are loaded: a warning; one search unit per line
 * (domain "hotline": the operator and number as title, service line, places served,
 * address and hours as body). */
#ifndef GONGKAI_HOTLINE_FINISH_H
#define GONGKAI_HOTLINE_FINISH_H

#include "load.h"

/* 0, or -1 when the load must stop. */
int hotline_write(load_ctx *c);

#endif
