package org.mhconnect.journal.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/** 413: the import is larger than the limit, counted in bytes as they arrive. Nothing of it was written. */
class ImportTooLargeException extends ErrorResponseException {

    ImportTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem(limit), null);
    }

    private static ProblemDetail problem(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "An import can be up to " + DataSize.ofBytes(limit).toMegabytes() + " MB. Nothing was imported.");
        problem.setTitle("The import is too large");
        return problem;
    }
}
