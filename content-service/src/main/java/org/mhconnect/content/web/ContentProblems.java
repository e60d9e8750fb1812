package org.mhconnect.content.web;

import org.mhconnect.problems.StandardProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** content-service's problem details; the library has no problems of its own yet beyond the standard ones. */
@RestControllerAdvice
class ContentProblems extends StandardProblems {
}
