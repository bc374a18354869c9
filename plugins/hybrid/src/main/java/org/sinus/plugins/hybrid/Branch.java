package org.sinus.plugins.hybrid;

import java.nio.file.Path;
import java.util.Optional;
import org.sinus.api.model.Model;
import org.sinus.api.representation.Representation;

/**
 * One view of the signal in a fusion: a representation and the model that reads it, built by type
 * from the branch's own blocks.
 *
 * @param name the branch's name: its model input and its network scope
 * @param key the branch's config path ({@code model.branches.time}), for messages
 * @param fromRun the run the branch's weights and fitted representation come from, if any
 */
record Branch(String name, String key, Representation representation, Model model, Optional<Path> fromRun) {}
