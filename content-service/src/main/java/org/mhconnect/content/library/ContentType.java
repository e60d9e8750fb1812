package org.mhconnect.content.library;

/** The kinds of item in the library. */
public enum ContentType {
    ARTICLE,
    PRACTICE
}
