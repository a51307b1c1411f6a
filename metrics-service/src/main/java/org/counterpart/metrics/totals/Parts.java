package org.counterpart.metrics.totals;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A part of a stated total ("3.04 billion yuan, including 1.93 billion from Shanghai") is a claim of its own and
 * is never added to its whole. Where roll-up puts the part's pair under the whole's pair (Shanghai → Yunnan under
 * {Shanghai, Guangdong} → Yunnan, Shenzhen → Baise under Guangdong → Guangxi), the whole's pair already takes the
 * larger of its own claims and its child pairs, so the part counts in its own pair. Anywhere else (the same pair,
 * or a pair that would sit beside the whole's, e.g. under a group whose members are unknown) counting the part
 * would add it to its whole somewhere up the tree, so it is set aside and shown as a part.
 */
final class Parts {

    private final Map<List<String>, Claim> byFact = new HashMap<>();

    /** @param claims the claims of the calculation: a whole outside them does not count, so neither does the rule */
    Parts(Collection<Claim> claims) {
        claims.forEach(claim -> byFact.putIfAbsent(List.of(claim.source().reportId(), claim.source().factId()), claim));
    }

    /** The whole a claim is a part of, when that whole is an actual claim of the same metric and unit. */
    Optional<Claim> wholeOf(Claim part) {
        if (part.partOf() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byFact.get(List.of(part.source().reportId(), part.partOf())))
                .filter(whole -> whole != part && whole.isActual())
                .filter(whole -> whole.metric().equals(part.metric()) && whole.unit().equals(part.unit()));
    }

    /** True when the part must not count in its own pair; see the class comment. */
    boolean setAside(Claim part, RollUp rollUp) {
        return wholeOf(part).filter(whole -> !rollUp.isWithin(part.pair(), whole.pair())).isPresent();
    }
}
