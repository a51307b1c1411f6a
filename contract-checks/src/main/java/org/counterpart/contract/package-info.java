/**
 * Checks, for tests, that what a service really does matches what it publishes: responses against its OpenAPI
 * document, Kafka messages against CloudEvents 1.0 and against the JSON Schemas of its events. The libraries are the
 * ones a client would use, so a pass here means a client built on the published documents accepts the real thing.
 */
package org.counterpart.contract;
