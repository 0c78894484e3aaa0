/** Responses of the data endpoints. */

/** Pretty-printed JSON, so the open data is readable as well as parseable. */
export function jsonText(body: unknown): string {
	return JSON.stringify(body, null, '\t');
}

export function jsonResponse(body: unknown, type = 'application/json; charset=utf-8'): Response {
	return new Response(jsonText(body), { headers: { 'Content-Type': type } });
}
