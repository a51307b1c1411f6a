package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.pairing.Side;

/**
 * Several regions named as one, without their names: "the eastern provinces and municipalities", "eight coastal
 * cities", 西部贫困地区, "the eight cities" (the same group again). {@code count} is the number the text gives, if any;
 * {@code level} the administrative level of its members ("province", "prefecture", "county" or "any").
 */
public record GroupPhrase(int start, int end, String name, Side side, Integer count, String level) {
    GroupPhrase as(GroupPhrase antecedent) {
        return new GroupPhrase(start, end, antecedent.name, antecedent.side, antecedent.count, antecedent.level);
    }
}
