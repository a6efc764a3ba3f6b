/* The program's version, shown by --version and written into packages it makes. */
#ifndef GONGKAI_VERSION_H
#define GONGKAI_VERSION_H

#ifndef GONGKAI_VERSION
#define GONGKAI_VERSION "0.1.0"
#endif

#endif
