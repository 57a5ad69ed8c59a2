import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useLocation } from 'react-router';

/** Props of {@link NotFoundPage}. */
export interface NotFoundPageProps {
  /** Where the "Go home" button leads. */
  homePath?: string;
}

/**
 * The page shown for an address no installed page answers.
 *
 * @example
 * <Route path="*" element={<NotFoundPage />} />
 */
export function NotFoundPage({ homePath = '/' }: NotFoundPageProps) {
  const location = useLocation();
  return (
    <Box sx={{ textAlign: 'center', py: 12, px: 2 }}>
      <Typography variant="h2" component="p" color="text.secondary" sx={{ fontWeight: 700 }}>
        404
      </Typography>
      <Typography variant="h5" component="h1" gutterBottom>
        Page not found
      </Typography>
      <Typography variant="body1" color="text.secondary" sx={{ mb: 3 }}>
        Nothing lives at <code>{location.pathname}</code>. It may have moved, or its plugin is not installed.
      </Typography>
      <Button variant="contained" component={RouterLink} to={homePath}>
        Go home
      </Button>
    </Box>
  );
}
