package sg.linkup.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.directory.entity.DirectoryFixtures.office;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoomTest {

    private static final Office OFFICE = office(List.of());

    @Test
    void interviewRoomSuitsInPersonButNotVideoAtTheSso() {
        Room room = new Room(OFFICE, "Interview 1", RoomKind.INTERVIEW_ROOM);

        assertTrue(room.suits(SessionMode.IN_PERSON));
        assertFalse(room.suits(SessionMode.VIDEO_AT_SSO));
    }

    @Test
    void videoRoomSuitsInPersonAndVideoAtTheSso() {
        Room room = new Room(OFFICE, "Video 1", RoomKind.VIDEO_ROOM);

        assertTrue(room.suits(SessionMode.IN_PERSON));
        assertTrue(room.suits(SessionMode.VIDEO_AT_SSO));
    }

    @ParameterizedTest
    @EnumSource(RoomKind.class)
    void noRoomSuitsARemoteVideoSession(RoomKind kind) {
        assertFalse(new Room(OFFICE, "Any", kind).suits(SessionMode.VIDEO_REMOTE));
    }

    @Test
    void onlyRemoteVideoNeedsNoRoom() {
        assertTrue(SessionMode.IN_PERSON.needsRoom());
        assertTrue(SessionMode.VIDEO_AT_SSO.needsRoom());
        assertFalse(SessionMode.VIDEO_REMOTE.needsRoom());
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void aModeThatNeedsARoomHasOneThatSuitsIt(SessionMode mode) {
        Room videoRoom = new Room(OFFICE, "Video 1", RoomKind.VIDEO_ROOM);

        assertEquals(mode.needsRoom(), videoRoom.suits(mode));
    }

    @Test
    void nameIsTrimmed() {
        assertEquals("Interview 1", new Room(OFFICE, "  Interview 1 ", RoomKind.INTERVIEW_ROOM).name());
    }
}
