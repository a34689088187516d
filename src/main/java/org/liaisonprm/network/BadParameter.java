package org.liaisonprm.network;

/** A refused explorer or API parameter: which one and why. */
class BadParameter extends IllegalArgumentException {

    final String parameter;

    BadParameter(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
    }
}
