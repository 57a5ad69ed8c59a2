// The catalog's own entity cards, loaded together as one chunk: an entity page shows
// several of them at once, so one request beats one per card.
export { AboutCard } from './about-card.js';
export { GroupHierarchyCard } from './group-hierarchy-card.js';
export { MembersCard } from './members-card.js';
export { OwnedEntitiesCard } from './owned-entities-card.js';
export { ProfileCard } from './profile-card.js';
export { RelationCard } from './relation-card.js';
