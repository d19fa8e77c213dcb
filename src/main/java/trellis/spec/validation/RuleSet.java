package trellis.spec.validation;

import java.util.List;

/** A set of the Control Plane's rules writing into one list of problems, shared by the rule classes of a check. */
abstract class RuleSet {
    protected final List<Problem> out;

    RuleSet(List<Problem> out) {
        this.out = out;
    }

    protected void add(String path, String message) {
        Problems.add(out, path, message);
    }
}
