package org.zhicheng.rest.internal;

import javax.ws.rs.core.HttpHeaders;

/** Optimistic locking over HTTP: the version a client read comes back in If-Match as the ETag it was given. */
final class IfMatch {

    private IfMatch() {
    }

    /** The version in If-Match; 428 when it is missing, 412 when it is not a version. */
    static int version(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(new ApiProblem(428, "if-match-required", "请携带 If-Match（读取时得到的 ETag），以免覆盖他人的修改。",
                    "Send If-Match with the ETag you read, so that nobody's change is overwritten."));
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiException(new ApiProblem(412, "if-match-invalid", "If-Match 无效，请刷新后重试。",
                    "The If-Match header is not valid; reload and try again."));
        }
    }
}
