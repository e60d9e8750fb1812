package org.mhconnect.content.library;

/** The kinds of item in the library. */
enum ContentType {
    ARTICLE,
    PRACTICE
}
