package org.liaisonprm.base;

/** The name a person is shown by: their display name where one is set, else their user name. */
public interface DisplayNames {

    String of(String username);
}
