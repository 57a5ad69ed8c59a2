import { type Entity, isSafeLinkUrl } from '@atrium/catalog-model';
import Avatar from '@mui/material/Avatar';
import { entityDisplayName } from '../components/entity-route.js';

/** The `spec.profile` of a User or Group, with only string values kept. */
export function entityProfile(entity: Entity | null | undefined): {
  displayName?: string;
  email?: string;
  picture?: string;
} {
  const profile = entity?.spec?.profile;
  if (typeof profile !== 'object' || profile === null) return {};
  const pick = (key: string) => {
    const value = (profile as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  return { displayName: pick('displayName'), email: pick('email'), picture: pick('picture') };
}

/**
 * A person's or team's picture, loaded only from an http(s) URL; otherwise their initials.
 *
 * @example
 * <EntityAvatar entity={user} size={40} />
 */
export function EntityAvatar({ entity, size = 40 }: { entity: Entity; size?: number }) {
  const { picture } = entityProfile(entity);
  const name = entityDisplayName(entity);
  const safePicture =
    picture && isSafeLinkUrl(picture) && !picture.startsWith('mailto:') ? picture : undefined;
  return (
    <Avatar src={safePicture} alt={name} sx={{ width: size, height: size }}>
      {name.slice(0, 1).toUpperCase()}
    </Avatar>
  );
}
