package org.counterpart.facts.extraction.gazetteer;

import java.util.Arrays;
import java.util.Collection;

/**
 * The gazetteer's Chinese names as a trie. Why: finding the longest name at a position by looking up every
 * candidate length as a substring cost a string and a hash per length at every Han character; one walk
 * along the text answers the same question without allocating.
 */
final class ChineseNameTrie {
    private static final class Node {
        char[] keys = new char[0];
        Node[] next = new Node[0];
        boolean name;

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? next[at] : null;
        }

        Node addChild(char c) {
            int at = Arrays.binarySearch(keys, c);
            if (at >= 0) return next[at];
            int ins = -at - 1;
            char[] k = new char[keys.length + 1];
            Node[] n = new Node[next.length + 1];
            System.arraycopy(keys, 0, k, 0, ins);
            System.arraycopy(next, 0, n, 0, ins);
            System.arraycopy(keys, ins, k, ins + 1, keys.length - ins);
            System.arraycopy(next, ins, n, ins + 1, next.length - ins);
            k[ins] = c;
            n[ins] = new Node();
            keys = k;
            next = n;
            return n[ins];
        }
    }

    private final Node root = new Node();

    ChineseNameTrie(Collection<String> names) {
        for (String name : names) {
            Node n = root;
            for (int i = 0; i < name.length(); i++) n = n.addChild(name.charAt(i));
            n.name = true;
        }
    }

    /** Length of the longest name of at least two characters at {@code text[from..]}, at most {@code limit} long; 0 if none. */
    int longestAt(CharSequence text, int from, int limit) {
        int best = 0;
        Node n = root;
        for (int len = 1; len <= limit && from + len <= text.length(); len++) {
            n = n.child(text.charAt(from + len - 1));
            if (n == null) break;
            if (n.name && len >= 2) best = len;
        }
        return best;
    }
}
